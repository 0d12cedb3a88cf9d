export { GaussianNB } from './GaussianNB';
export type { GaussianNBOptions } from './GaussianNB';
export { MultinomialNB } from './MultinomialNB';
export type { MultinomialNBOptions } from './MultinomialNB';
export { ComplementNB } from './ComplementNB';
export type { ComplementNBOptions } from './ComplementNB';
export { BernoulliNB } from './BernoulliNB';
export type { BernoulliNBOptions } from './BernoulliNB';
export type { DiscreteNBOptions } from './_BaseDiscreteNB';
