/** Types for `webvtt-parser` (w3c/webvtt.js), which ships none: only what the tests use. */
declare module 'webvtt-parser' {
  export interface WebVttNode {
    type: 'object' | 'text' | 'timestamp';
    name?: string;
    classes?: string[];
    /** A text node's text, a voice's annotation (as written), a timestamp's seconds. */
    value?: string | number;
    children?: WebVttNode[];
  }
  export interface WebVttParsedCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
    tree: { children: WebVttNode[] };
  }
  export interface WebVttError {
    message: string;
    line: number;
    col?: number;
  }
  export class WebVTTParser {
    constructor(entities?: Record<string, string>);
    parse(input: string, mode?: 'metadata' | 'chapters'): { cues: WebVttParsedCue[]; errors: WebVttError[]; styles: string[] };
  }
}
