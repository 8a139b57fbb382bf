/**
 * The survey worker's protocol (renderer/platform/worker-protocol.ts): a surveyor's file read off the UI thread —
 * decoded (GBK or UTF-8), its format decided, its points read (CASS, 报盘, GPX/KML/KMZ projected into a zone) — or,
 * for a delimited table (CSV, a TXT with a header row), its columns with samples and the suggested mapping, which
 * the column mapping dialog shows before `apply` reads the rows. A file the readers cannot use comes back as its
 * issues, never thrown.
 */
import type { ColumnMapping, CsvColumn, Delimiter, MappingSuggestion } from '../../../shared/formats/survey/csv';
import type { DeclaredZone, SurveyFile } from '../../../shared/formats/survey/types';

export interface ReadSurveyRequest {
  /** The file's name as the user gave it (its extension decides the reader; messages name it). */
  file: string;
  bytes: Uint8Array;
  /** The zone lon/lat points go into (else the zone of their mean longitude). */
  zone?: DeclaredZone;
}

export type ReadSurveyResult =
  | { kind: 'file'; file: SurveyFile }
  | {
      kind: 'columns';
      file: string;
      columns: CsvColumn[];
      suggestion: MappingSuggestion;
      delimiter: Delimiter;
      hasHeader: boolean;
      encoding: string;
      rows: number;
    };

export interface ApplyMappingRequest {
  file: string;
  bytes: Uint8Array;
  mapping: ColumnMapping;
  zone?: DeclaredZone;
}

export interface SurveyProgress {
  phase: 'read';
}

export type SurveyProtocol = {
  read: { request: ReadSurveyRequest; result: ReadSurveyResult; progress: SurveyProgress };
  apply: { request: ApplyMappingRequest; result: SurveyFile; progress: SurveyProgress };
};
