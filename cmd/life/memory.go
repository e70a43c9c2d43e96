package main

import "flag"

// maxMemoryFlag defines --max-memory on fs, in megabytes, as life run,
// life render and the UI take it; [checkMaxMemory] checks it.
func maxMemoryFlag(fs *flag.FlagSet) *int64 {
	return fs.Int64("max-memory", 0, "limit the hashlife node cache to `MB` megabytes, as bgolly's -M does; when it is full, the cache is garbage collected (0: 1024)")
}
