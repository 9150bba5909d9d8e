// Package record writes a simulation's results to disk as it runs, in
// bounded memory, so that nothing acknowledged is lost: a monitor appends
// rows to a Writer, which flushes them in blocks to a NumPy .npy file and
// keeps that file a consistent prefix of the run at every moment.
//
// # Layout
//
// Each monitor is one .npy file holding a one-dimensional structured array,
// one row per record (a spike, a sample, a synaptic event), and a JSON file
// beside it (same name, .json) with the unit of every field, in SI, and
// what was recorded. numpy reads a monitor in one line:
//
//	s = np.load("out/exc_spikes.npy")   # s["i"], s["t"] (seconds)
//
// A field that holds one value per recorded element (a state variable of
// K neurons) is a subarray, so s["v"] is a 2-D array of shape (samples, K).
// docs/data.md lists every kind of monitor.
//
// # Durability
//
// A file first appears, by rename, with a header that counts zero rows.
// Each block of rows is written after the last, synced (fsync), and only
// then does the header's row count, a fixed-width field, move forward
// (and is synced in turn). A reader therefore sees whole rows only, up to
// the last block flushed, whenever the writing process stops, even by
// SIGKILL: numpy reads as many rows as the header counts and ignores any
// bytes past them. Files written whole (the JSON, CSV, figures) appear by
// writing a temporary file in the same folder, syncing it and renaming it
// (WriteFile).
//
// A Writer's position (its row count and the file's length) is what a
// checkpoint needs to resume it: Resume reopens a file at a given row
// count, cutting any rows written after it.
package record
