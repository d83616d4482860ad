/**
 * Child processes spawned by the tests print values that the tests compare
 * as text; a FORCE_COLOR inherited from the CI or the terminal would make
 * Node colour `console.log(true)`. The tests' own colours are unaffected:
 * vitest's reporter runs in the main process.
 */
delete process.env.FORCE_COLOR;
