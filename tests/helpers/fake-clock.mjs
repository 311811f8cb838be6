// Loaded with `node --import` into a build to move its clock 400 days and 12 hours
// ahead: any timestamp that reaches the output then differs from a build on the
// real clock (tests/hardening/determinism.test.ts).
const OFFSET = (400 * 24 + 12) * 3600 * 1000;
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + OFFSET);
    else super(...args);
  }
  static now() {
    return RealDate.now() + OFFSET;
  }
}
globalThis.Date = ShiftedDate;
