export { Pipeline, makePipeline } from './Pipeline';
export type { PipelineOptions, PipelineStep, PipelineStepEstimator } from './Pipeline';
