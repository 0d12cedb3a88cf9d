import { Matrix } from 'ml-matrix';
import { StandardScaler } from '../src/index';
const out = new StandardScaler().fitTransform([[1,2],[3,4],[5,7]]);
try { console.log(Matrix.max(out, out).to2DArray()); } catch (e) { console.log('Matrix.max', (e as Error).message); }
try { console.log((out.constructor as typeof Matrix).max(out, out).to2DArray()); } catch (e) { console.log('ctor.max', (e as Error).message); }
try { console.log(out.clone().to2DArray()); } catch (e) { console.log('clone', (e as Error).message); }
console.log(structuredClone(out));
