/** Committed offsets of the in-process consumer groups (next offset to read, as Kafka stores it). */
export class GroupOffsets {
  private readonly offsets = new Map<string, number>();

  committed(groupId: string, topic: string, partition: number): number | undefined {
    return this.offsets.get(key(groupId, topic, partition));
  }

  commit(groupId: string, topic: string, partition: number, nextOffset: number): void {
    this.offsets.set(key(groupId, topic, partition), nextOffset);
  }
}

function key(groupId: string, topic: string, partition: number): string {
  return `${groupId}\u0000${topic}\u0000${partition}`;
}
