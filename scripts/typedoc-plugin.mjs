// @ts-check
/**
 * A local TypeDoc plugin for typelearn's API reference.
 *
 * Every estimator class declares `static readonly paramSchema = { C: num(...), ... }` and
 * `static readonly tags = { allowNaN: true }`. TypeScript infers an object-literal type for each,
 * which TypeDoc would print as a type of its own with one undocumented property per option (over
 * 500 in all), although the options themselves are documented on the class's options interface.
 * This plugin shows those statics with the declared type of the base class instead
 * (`Readonly<Record<string, ParamSpec | undefined>>`, `Partial<EstimatorTags>`), which is what they
 * are to a reader. The statics every class declares (`className`, `defaults`, `paramSchema`, `tags`,
 * `stateSchema`) mean the same on every class, so one that has no comment of its own gets
 * BaseEstimator's (TypeDoc's own inheritance stops at a base class that is not exported).
 *
 * It also names each module after the import path it documents: `typelearn` for src/index.ts (which
 * holds the core classes and helpers, exported only from the root), `typelearn/svm` for
 * src/svm/index.ts, `typelearn/parallel/worker` for src/parallel/worker.ts.
 */
import { Converter, ReflectionKind, ReflectionType } from 'typedoc';

const INLINE = ['paramSchema', 'tags'];
const STATICS = ['className', 'defaults', 'paramSchema', 'tags', 'stateSchema'];

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    for (const mod of project.children ?? []) {
      if (!mod.kindOf(ReflectionKind.Module)) continue;
      mod.name = mod.name === 'index' ? 'typelearn' : `typelearn/${mod.name}`;
    }
    const base = project.getReflectionsByKind(ReflectionKind.Class).find((c) => c.name === 'BaseEstimator');
    if (!base || !('getChildByName' in base)) return;
    for (const name of STATICS) {
      const declared = base.getChildByName(name);
      if (!declared || !('type' in declared) || !declared.type) continue;
      for (const prop of project.getReflectionsByKind(ReflectionKind.Property)) {
        if (prop === declared || prop.name !== name || !prop.flags.isStatic || !('type' in prop)) continue;
        if (INLINE.includes(name) && prop.type instanceof ReflectionType) {
          project.removeReflection(prop.type.declaration);
          prop.type = declared.type;
        }
        if (!prop.comment && declared.comment) prop.comment = declared.comment.clone();
      }
    }
  });
}
