import { isAiPilot } from './isAiPilot';
import { pilotEntity, plainEntity } from './testUtils/fixtures';

describe('isAiPilot', () => {
  it('follows the engine: tags, types and the enabled flag', () => {
    expect(isAiPilot(pilotEntity)).toBe(true);
    expect(isAiPilot(plainEntity)).toBe(false);
    expect(
      isAiPilot({
        ...plainEntity,
        spec: { ...plainEntity.spec, type: 'llm-app' },
      }),
    ).toBe(true);
    expect(
      isAiPilot({
        ...plainEntity,
        metadata: {
          name: 'x',
          annotations: { 'ai-readiness/enabled': 'true' },
        },
      }),
    ).toBe(true);
    expect(
      isAiPilot({
        ...pilotEntity,
        metadata: {
          ...pilotEntity.metadata,
          annotations: { 'ai-readiness/enabled': 'false' },
        },
      }),
    ).toBe(false);
  });
});
