import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { repositoryOf } from './repositoryOf';

const integrations = ScmIntegrations.fromConfig(
  new ConfigReader({
    integrations: {
      github: [{ host: 'github.com' }],
      gitlab: [
        {
          host: 'gitlab.example.com',
          apiBaseUrl: 'https://gitlab.example.com/api/v4',
        },
      ],
    },
  }),
);

describe('repositoryOf', () => {
  it('reads a GitHub blob URL', () => {
    expect(
      repositoryOf(
        'https://github.com/northwind/claims-bot/blob/main/deploy/catalog-info.yaml',
        integrations,
      ),
    ).toEqual({
      provider: 'github',
      repoUrl: 'github.com?owner=northwind&repo=claims-bot',
      branch: 'main',
      folder: 'deploy',
      fileName: 'catalog-info.yaml',
    });
  });

  it('reads a GitLab blob URL with a subgroup, at the root of the repository', () => {
    expect(
      repositoryOf(
        'https://gitlab.example.com/ml/pilots/claims-bot/-/blob/develop/catalog-info.yaml',
        integrations,
      ),
    ).toEqual({
      provider: 'gitlab',
      repoUrl: 'gitlab.example.com?owner=ml%2Fpilots&repo=claims-bot',
      branch: 'develop',
      folder: '',
      fileName: 'catalog-info.yaml',
    });
  });

  it('answers undefined for a URL that is not a file in a repository', () => {
    expect(
      repositoryOf('https://github.com/northwind/claims-bot', integrations),
    ).toBeUndefined();
    expect(repositoryOf('not a url', integrations)).toBeUndefined();
  });
});
