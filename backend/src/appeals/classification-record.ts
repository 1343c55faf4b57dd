/** What classified an appeal and how sure it was, with the runners-up an agent may pick instead. */
export interface ClassificationRecord {
  modelVersion: string;
  type: ScoredLabel | null;
  category: ScoredLabel | null;
  /** The words that set the urgency grade. */
  urgencyEvidence: string[];
  /** Where the location came from: the channel's point, the address in the text, or nowhere. */
  /** `unitCode`: the community, street or district the text names when it places no point (no grid is guessed). */
  location: { source: 'channel' | 'address' | 'none'; matched: string | null; unitCode?: string };
  /** Set when an agent corrected the classification: NLP never overwrites it again. */
  correctedBy?: string;
}

export interface ScoredLabel {
  label: string;
  confidence: number;
  alternatives: { label: string; confidence: number }[];
}
