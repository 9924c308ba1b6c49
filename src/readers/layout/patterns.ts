/** Text patterns the layout engine shares between its stages (paragraphs, page breaks). */

/** Sentence-final punctuation, possibly inside a closing quote; a closing bracket alone ends nothing. */
export const TERMINAL_RE = /[。；;：:！!？?][”」’』]?$/;

/** Dot leaders of a table of contents ("……", "· · ·" runs of at least three marks, or two ellipses). */
export const LEADER = "(?:[.．…·‥_-]{3,}|…{2,})";
