import { createReadinessEngine } from './engine';

describe('describeRubric: prefix and scope for the frontend', () => {
  it('gives the configured annotation prefix and scope, defaults filled in', () => {
    const rubric = createReadinessEngine({
      config: {
        annotationPrefix: 'acme.io/',
        scope: { types: ['ml-app'], tags: ['ai'] },
      },
    }).describeRubric();
    expect(rubric.annotationPrefix).toBe('acme.io/');
    expect(rubric.scope).toMatchObject({
      types: ['ml-app'],
      tags: ['ai'],
      modelResourceTypes: ['ai-model'],
    });
  });

  it('gives the default scope when nothing is configured', () => {
    const rubric = createReadinessEngine().describeRubric();
    expect(rubric.annotationPrefix).toBe('ai-readiness/');
    expect(rubric.scope?.types).toContain('ai-pilot');
    expect(rubric.scope?.tags).toContain('genai');
  });
});
