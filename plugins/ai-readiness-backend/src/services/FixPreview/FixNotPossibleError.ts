import { CustomErrorBase } from '@backstage/errors';

/** No patch can be made (no source file, a generated entity, a refusal): 422. */
export class FixNotPossibleError extends CustomErrorBase {
  name = 'FixNotPossibleError';
  statusCode = 422;
}
