/** Where one part of a document's text begins (a .docx part such as "word/footer1.xml", or a PDF's metadata). */
export interface DocumentPart {
  name: string;
  /** Offset in the text where the part begins. */
  start: number;
}

export type DocumentFormat = 'txt' | 'md' | 'docx' | 'pdf';
