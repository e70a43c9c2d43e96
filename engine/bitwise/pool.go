package bitwise

import (
	"context"
	"sync"
)

// span is a job: tiles t0 to t1-1.
type span struct{ t0, t1 int }

// pool is a fixed set of worker goroutines that step spans of tiles. The
// goroutine that starts it owns it: it alone sends on jobs, calls run and
// stop, and stop closes both channels.
type pool struct {
	jobs chan span // sent by run, closed by stop
	done chan int  // sent by the workers, closed by stop once they are gone
	wg   sync.WaitGroup
}

// startPool starts n workers that call work for each span they receive and
// send back its result. Each ends when jobs is closed or ctx is done.
func startPool(ctx context.Context, n, capacity int, work func(span) int) *pool {
	p := &pool{jobs: make(chan span, capacity), done: make(chan int, capacity)}
	p.wg.Add(n)
	for range n {
		go func() {
			defer p.wg.Done()
			for {
				select {
				case s, ok := <-p.jobs:
					if !ok {
						return
					}
					r := work(s)
					select {
					case p.done <- r:
					case <-ctx.Done():
						return
					}
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	return p
}

// run hands every span to the workers, waits for all of them and returns
// the sum of their results: one generation. On cancellation it returns ctx's
// error at once; spans already taken may still be running until stop.
func (p *pool) run(ctx context.Context, spans []span) (int, error) {
	for _, s := range spans {
		select {
		case p.jobs <- s:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	sum := 0
	for range spans {
		select {
		case r := <-p.done:
			sum += r
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
	return sum, nil
}

// stop closes the jobs channel, waits for every worker to end, and closes
// the done channel. When it returns no worker touches the engine.
func (p *pool) stop() {
	close(p.jobs)
	p.wg.Wait()
	close(p.done)
}
