/** Support vector machines: kernel SVMs on typelearn's own SMO solver (libsvm's algorithm). */
export { SVC } from './SVC';
export type { SVCOptions } from './SVC';
export { NuSVC } from './NuSVC';
export type { NuSVCOptions } from './NuSVC';
export { SVR } from './SVR';
export type { SVROptions } from './SVR';
export { NuSVR } from './NuSVR';
export type { NuSVROptions } from './NuSVR';
export { OneClassSVM } from './OneClassSVM';
export type { OneClassSVMOptions } from './OneClassSVM';
export type { KernelName } from './kernel';
export { LinearSVC } from './LinearSVC';
export type { LinearSVCOptions } from './LinearSVC';
export { LinearSVR } from './LinearSVR';
export type { LinearSVROptions } from './LinearSVR';
