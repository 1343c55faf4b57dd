/** Types for the part of @nlpjs/neural (node-nlp's intent classifier) this module uses. */
declare module '@nlpjs/neural' {
  export interface NeuralSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean | ((status: unknown, ms: number) => void);
  }
  export interface NeuralJson {
    settings: NeuralSettings;
    features?: string[];
    intents?: string[];
    perceptrons?: number[][];
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralSettings);
    train(corpus: { input: Record<string, number>; output: Record<string, number> }[]): { error: number; iterations: number };
    run(input: Record<string, number>): Record<string, number> | undefined;
    toJSON(): NeuralJson;
    fromJSON(json: NeuralJson): void;
  }
}
