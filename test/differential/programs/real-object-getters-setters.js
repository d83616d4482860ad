// A thermostat model written as an object literal with getters and setters (a common style),
// driven by readings sent in through next(); the model is live across yields.
export const log = [];

/* @resumable */
export function* main(target) {
  const model = {
    _celsius: 20,
    history: [],
    get fahrenheit() {
      return this._celsius * 1.8 + 32;
    },
    set celsius(v) {
      this.history.push(v);
      this._celsius = Math.round(v * 10) / 10;
    },
    get celsius() {
      return this._celsius;
    },
  };
  for (let i = 0; i < 5; i++) {
    const reading = yield { c: model.celsius, f: model.fahrenheit };
    if (typeof reading === "number") model.celsius = reading;
    if (Math.abs(model.celsius - target) < 0.5) break;
  }
  log.push(model.history, Object.keys(model));
  return model.fahrenheit;
}

export const create = () => main(22);
export const sends = [undefined, 19.94, 21, 21.76, 30];
export const snapshotRefusal = true; // accessors are refused (documented)
