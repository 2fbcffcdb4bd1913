/**
 * Time a page was actually visible (Page Visibility API), for study time: counting stops while the tab is
 * hidden or the phone is locked, and the total never exceeds the course's length. Pure accounting; the hook
 * feeds it visibility changes and clock readings.
 */
export class VisibleClock {
  private shownAt: number | null;
  private total = 0;
  private sent = 0;

  constructor(
    private readonly capMs: number,
    now: number,
    visible: boolean,
  ) {
    this.shownAt = visible ? now : null;
  }

  /** The page became visible or hidden at `now`. */
  setVisible(visible: boolean, now: number): void {
    if (visible && this.shownAt === null) this.shownAt = now;
    if (!visible && this.shownAt !== null) {
      this.total += now - this.shownAt;
      this.shownAt = null;
    }
  }

  /** Visible milliseconds so far, capped by the course length. */
  visibleMs(now: number): number {
    return Math.min(this.capMs, this.total + (this.shownAt === null ? 0 : now - this.shownAt));
  }

  /** Whole seconds not yet reported. */
  unsentSeconds(now: number): number {
    return Math.max(0, Math.floor(this.visibleMs(now) / 1000) - this.sent);
  }

  /** Whole seconds not yet reported; marks them reported. */
  takeUnsentSeconds(now: number): number {
    const s = Math.floor(this.visibleMs(now) / 1000) - this.sent;
    if (s > 0) this.sent += s;
    return Math.max(0, s);
  }
}
