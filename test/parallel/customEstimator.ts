// A worker module registering a user's own estimator class, as docs/big-data.md describes.
import { Ridge, registerEstimator } from '../../src/index';

export class ShrunkRidge extends Ridge {
  static override readonly className: string = 'ShrunkRidge';
}
registerEstimator(ShrunkRidge);
