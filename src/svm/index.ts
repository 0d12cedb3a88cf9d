/** Support vector machines: kernel SVMs on typelearn's own SMO solver. */
export { SVC } from './SVC';
export type { SVCOptions } from './SVC';
export type { KernelName } from './kernel';
