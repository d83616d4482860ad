// Babel's transform plugins ship without type declarations; we only call
// their factory to get a visitor (see lower.ts).
declare module "@babel/plugin-transform-destructuring";
declare module "@babel/plugin-transform-object-rest-spread";
declare module "@babel/plugin-transform-optional-chaining";
declare module "@babel/plugin-transform-spread";
declare module "@babel/plugin-transform-template-literals";
declare module "@babel/plugin-transform-logical-assignment-operators";
declare module "@babel/plugin-transform-nullish-coalescing-operator";
