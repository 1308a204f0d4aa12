/** Where the platform's time comes from; tests inject a clock they can move forward. */
export interface Clock {
  now(): Date;
}

/** The real time. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests of expiry and deadlines. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advanceDays(days: number): void {
    this.current += days * 86_400_000;
  }

  advanceMs(ms: number): void {
    this.current += ms;
  }
}
