// Package checkpoint reads and writes checkpoint files: a network's state
// between two steps as named arrays, with a description of the model that
// made them.
//
// A file is, in little-endian byte order:
//
//	magic    8 bytes, "CAJALCKP"
//	version  uint32 (Version)
//	entries, each:
//	    name length uint16 (1 to 1024), name (UTF-8)
//	    kind        uint8: 1 float64, 2 int32, 3 int64, 4 text
//	    count       uint64: values (bytes for text)
//	    data        count values
//	end      uint16 0 (a name length of zero)
//	checksum uint32: CRC-32C (Castagnoli) of every byte before it
//
// Names are unique. Read checks the magic, the version and the checksum
// before it returns anything, so a file cut short, damaged or of a newer
// format is an error, never a partial state.
package checkpoint
