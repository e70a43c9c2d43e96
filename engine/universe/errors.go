package universe

// UsageError marks an error in the settings a caller passed on from its
// user (a flag such as --rule, --torus or --engine): a command exits with
// status 2 on it.
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }
func (e UsageError) Unwrap() error { return e.Err }

// InputError marks an error in the user's pattern: its content, a rule it
// gives, a size that fits no universe, a file that does not exist. A
// command exits with status 2 on it too.
type InputError struct{ Err error }

func (e InputError) Error() string { return e.Err.Error() }
func (e InputError) Unwrap() error { return e.Err }
