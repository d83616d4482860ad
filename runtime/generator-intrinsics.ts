/**
 * The engine's generator intrinsics, which have no global name: frames
 * inherit from them (frame.ts, async-frame.ts), compiled generator functions
 * take their function prototypes, and error messages recognize generators by
 * them (incompatible-receiver.ts).
 */

/** %GeneratorFunction.prototype%, and its `prototype`, %GeneratorPrototype%. */
export const GeneratorFunctionPrototype = Object.getPrototypeOf(function* () {}) as object;
export const GeneratorPrototype = (GeneratorFunctionPrototype as { prototype: object }).prototype;

/** %AsyncGeneratorFunction.prototype%, and its `prototype`, %AsyncGeneratorPrototype%. */
export const AsyncGeneratorFunctionPrototype = Object.getPrototypeOf(async function* () {}) as object;
export const AsyncGeneratorPrototype = (AsyncGeneratorFunctionPrototype as { prototype: object }).prototype;
