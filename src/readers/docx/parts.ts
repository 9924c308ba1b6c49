/** The main part of a Word package: the body, and the base its relationship targets resolve from. */
export const DOCUMENT_PART = "word/document.xml";
