/** One pending turn timer per exercise; re-arming replaces it. */
export class TurnTimers {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  arm(sessionId: string, ms: number, fire: () => void): void {
    this.clear(sessionId);
    const t = setTimeout(() => {
      this.timers.delete(sessionId);
      fire();
    }, ms);
    t.unref?.();
    this.timers.set(sessionId, t);
  }
  clear(sessionId: string): void {
    const t = this.timers.get(sessionId);
    if (t) clearTimeout(t);
    this.timers.delete(sessionId);
  }
  clearAll(): void {
    for (const id of [...this.timers.keys()]) this.clear(id);
  }
}
