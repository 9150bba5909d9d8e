// Package examples is the registry of Cajal's examples: the published
// models (seeds 000-004) and the demonstrations, each a package of its
// own that implements example.Example. The command (cajal list, run,
// validate, bench, gen) iterates the registry.
//
// Adding an example touches its own package and one line of registry.go;
// CONTRIBUTING.md gives the recipe.
package examples
