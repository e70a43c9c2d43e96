package bench

// mt is the Mersenne Twister MT19937 seeded as Python's random.Random(seed)
// seeds it for a seed that fits in 32 bits, so that the plane's soups are
// the very ones the anchors' mksoup.py writes (shared/anchors): the same
// cells, the same populations as Golly finds for them.
type mt struct {
	state [624]uint32
	i     int
}

// newMT returns the generator of random.Random(seed).
func newMT(seed uint32) *mt {
	m := &mt{}
	m.init(19650218)
	// init_by_array with the one-word key [seed].
	s := &m.state
	i, j := 1, 0
	for k := 624; k > 0; k-- {
		s[i] = (s[i] ^ (s[i-1]^s[i-1]>>30)*1664525) + seed + uint32(j)
		i++
		j = 0 // the key has one word
		if i >= 624 {
			s[0] = s[623]
			i = 1
		}
	}
	for k := 623; k > 0; k-- {
		s[i] = (s[i] ^ (s[i-1]^s[i-1]>>30)*1566083941) - uint32(i)
		i++
		if i >= 624 {
			s[0] = s[623]
			i = 1
		}
	}
	s[0] = 0x80000000
	return m
}

// init is MT19937's init_genrand.
func (m *mt) init(seed uint32) {
	m.state[0] = seed
	for i := 1; i < 624; i++ {
		m.state[i] = 1812433253*(m.state[i-1]^m.state[i-1]>>30) + uint32(i)
	}
	m.i = 624
}

// uint32 returns the next 32 random bits (genrand_uint32).
func (m *mt) uint32() uint32 {
	if m.i >= 624 {
		s := &m.state
		for k := 0; k < 624; k++ {
			y := s[k]&0x80000000 | s[(k+1)%624]&0x7fffffff
			v := s[(k+397)%624] ^ y>>1
			if y&1 != 0 {
				v ^= 0x9908b0df
			}
			s[k] = v
		}
		m.i = 0
	}
	y := m.state[m.i]
	m.i++
	y ^= y >> 11
	y ^= y << 7 & 0x9d2c5680
	y ^= y << 15 & 0xefc60000
	return y ^ y>>18
}

// float64 returns a float in [0, 1) as Python's random() does, from 53
// random bits.
func (m *mt) float64() float64 {
	a, b := m.uint32()>>5, m.uint32()>>6
	return (float64(a)*67108864 + float64(b)) / 9007199254740992
}
