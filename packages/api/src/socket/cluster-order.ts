/**
 * Messages between processes arrive in the order they were sent. socket.io's PostgreSQL adapter
 * sends a push over NOTIFY's 8,000 bytes as a row in its table plus a NOTIFY, and a receiver
 * reads each row back on its own pool connection: a smaller message sent after a larger one
 * could overtake it at the sender, and two rows could be read back out of order. A participant
 * on the other process then saw a push's base ahead of its view (a gap) and had to subscribe
 * again. Here each sender numbers its messages, and a receiver holds back a message until the
 * ones numbered before it from the same sender are delivered, or until `waitMs` has passed
 * (a message lost by the adapter must not hold the rest back for good).
 */

interface Numbered {
  uid?: string;
  /** This sender's running number (absent on responses, which are delivered at once). */
  order?: number;
}

/** What this needs of socket.io-adapter's ClusterAdapter (protected members). */
export interface OrderedAdapter {
  doPublish(message: Numbered): Promise<unknown>;
  onMessage(message: Numbered, offset?: string): void;
}

export function deliverInOrder(adapter: OrderedAdapter, waitMs = 1000): void {
  let sent = 0;
  const doPublish = adapter.doPublish.bind(adapter);
  adapter.doPublish = (message) => {
    message.order = ++sent;
    return doPublish(message);
  };

  /** Per sender: the next number expected, and what arrived ahead of it. */
  const senders = new Map<
    string,
    { next: number; held: Map<number, [Numbered, string | undefined]>; timer?: NodeJS.Timeout }
  >();
  const onMessage = adapter.onMessage.bind(adapter);
  const drain = (s: NonNullable<ReturnType<typeof senders.get>>) => {
    for (let m = s.held.get(s.next); m; m = s.held.get(s.next)) {
      s.held.delete(s.next);
      s.next++;
      onMessage(m[0], m[1]);
    }
    clearTimeout(s.timer);
    s.timer = undefined;
    if (!s.held.size) return;
    // A gap: wait a moment for the missing message, then go on without it.
    s.timer = setTimeout(() => {
      s.next = Math.min(...s.held.keys());
      drain(s);
    }, waitMs);
    s.timer.unref();
  };
  adapter.onMessage = (message, offset) => {
    const { uid, order } = message;
    if (!uid || typeof order !== "number") return onMessage(message, offset);
    let s = senders.get(uid);
    if (!s) {
      // The first heard of this sender sets where its numbering is (it may have started earlier).
      s = { next: order, held: new Map() };
      senders.set(uid, s);
    }
    // Late (its successors already went on without it): delivered as it comes.
    if (order < s.next) return onMessage(message, offset);
    s.held.set(order, [message, offset]);
    drain(s);
  };
}
