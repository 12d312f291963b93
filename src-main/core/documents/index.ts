/** Documents as text to scan: .txt, .md, .docx (body, or every part) and .pdf (pages and metadata). */
export { readDocument, MAX_DOCUMENT_BYTES, ACCEPTED_EXTENSIONS } from './read-document';
export { docxPartsText } from './docx-parts';
export { pdfText, type PdfText } from './pdf-text';
export type { DocumentFormat, DocumentPart } from './types';
export { looksLikePdf, openPdf } from './pdf-open';
