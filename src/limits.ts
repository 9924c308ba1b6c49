/** Resource limits for one document. Every limit has a CLI flag (README, "Limits and errors"). */
export interface Limits {
  /** Largest input file accepted, in bytes. */
  maxInputBytes: number;
  /** Largest total uncompressed size of a zip-based document (.docx), in bytes. */
  maxUncompressedBytes: number;
  /** Largest compression ratio of any zip entry (uncompressed / compressed). */
  maxCompressionRatio: number;
  /** Deepest XML/HTML element nesting accepted. */
  maxXmlDepth: number;
  /** Most blocks (paragraphs + tables) in one document. */
  maxBlocks: number;
  /** Most table cells in one document. */
  maxCells: number;
  /** Longest single paragraph, in characters. */
  maxParagraphChars: number;
  /**
   * Wall-clock time for one document, in milliseconds. Enforced where extraction runs in a worker thread (batch,
   * the extract and inspect commands, extractFileIsolated); an in-process extractFile call cannot be interrupted.
   */
  timeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 500 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxXmlDepth: 256,
  maxBlocks: 200_000,
  maxCells: 2_000_000,
  maxParagraphChars: 5_000_000,
  timeoutMs: 120_000,
};

/**
 * Largest value each limit can take where a larger one would not mean "more": Node runs a timer of more than
 * 2^31−1 ms after 1 ms, so a huge --timeout-ms would fail every document at once.
 */
export const LIMIT_MAXIMA: Partial<Record<keyof Limits, { max: number; why: string }>> = {
  timeoutMs: { max: 2 ** 31 - 1, why: "the longest timer Node can set, about 24.8 days" },
};

/**
 * Smallest heap ceiling (MB) a worker can run with: measured on Node 20, a worker with under 7 MB dies while
 * loading its modules and one with 7 MB fails even the smallest sample; 16 MB reads the small samples.
 */
export const MIN_WORKER_MB = 16;
