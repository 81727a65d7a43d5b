package dev.weft.agent.logs;

/**
 * How much output the agent ships at a time and in all.
 *
 * @param chunkBytes the most bytes of one stream in one piece
 * @param requestBytes the most bytes in one shipment (the server's request body limit is 1 MiB,
 *     and the bytes travel base64-encoded)
 * @param streamBytes the newest bytes of one stream of one run worth shipping (the server's window):
 *     when the agent falls further behind, it skips the older ones. Not less than the server's window
 *     ({@code LogIntake.KEEP_PER_STREAM}, 8 MiB), which takes a skip only when the task wrote more
 *     than its window past what it holds
 */
public record ShipLimits(int chunkBytes, int requestBytes, long streamBytes) {
  public ShipLimits {
    if (chunkBytes < 1 || requestBytes < chunkBytes || streamBytes < 0) {
      throw new IllegalArgumentException("need 0 < chunkBytes <= requestBytes and streamBytes >= 0");
    }
  }

  /** 128 KiB pieces, 512 KiB per shipment, the newest 8 MiB of each stream. */
  public static ShipLimits defaults() {
    return new ShipLimits(128 * 1024, 512 * 1024, 8L * 1024 * 1024);
  }
}
