import type { HumanDuration } from '@backstage/types';

export interface Config {
  /**
   * AI readiness: which catalog entities are AI pilots, how they are scored,
   * and how often the backend re-evaluates them. Every key is optional; an
   * unknown or malformed key stops the backend at start-up with its path.
   */
  aiReadiness?: {
    /**
     * Prefix of the rubric's annotations and labels (a DNS-like name ending
     * in "/").
     * @default "ai-readiness/"
     */
    annotationPrefix?: string;

    /** Which entities are AI pilots, and how their dependencies are classified. */
    scope?: {
      /**
       * Component spec.type values that make a Component an AI pilot.
       * @default ["ai-pilot", "ai-agent", "llm-app", "ml-service"]
       */
      types?: string[];
      /**
       * Tags that make a Component an AI pilot (tags on other kinds do not count).
       * @default ["ai-pilot", "genai", "llm"]
       */
      tags?: string[];
      /**
       * Kinds whose entities of an agent type are AI pilots.
       * @default ["AiResource"]
       */
      agentKinds?: string[];
      /**
       * spec.type values of those kinds that are agents.
       * @default ["agent", "ai-agent"]
       */
      agentTypes?: string[];
      /**
       * Resource spec.type values counted as data sources (DATA checks).
       * @default ["database", "dataset", "data-product", "vector-store", "table", "bucket", "s3-bucket", "stream", "topic", "queue", "warehouse", "data-lake", "feature-store"]
       */
      dataResourceTypes?: string[];
      /**
       * Resource spec.type values counted as direct model access.
       * @default ["ai-model"]
       */
      modelResourceTypes?: string[];
      /**
       * Component spec.type values that are model endpoints (governed model access).
       * @default ["model-server", "ai-model-server", "llm-gateway", "ai-gateway"]
       */
      modelGatewayTypes?: string[];
      /**
       * API spec.type values that are model endpoints.
       * @default ["ai-model-server"]
       */
      modelApiTypes?: string[];
      /**
       * Kinds that are model endpoints whatever their type.
       * @default ["AiModelServerAPI"]
       */
      modelEndpointKinds?: string[];
      /**
       * API spec.type values that are tool servers (SEC-6).
       * @default ["mcp-server"]
       */
      toolServerTypes?: string[];
    };

    /**
     * Weight of each dimension in the overall score (0 to 100; equal by
     * default). A weight of 0 leaves the dimension out of the overall score.
     */
    weights?: {
      ownership?: number;
      data?: number;
      integration?: number;
      fallback?: number;
      monitoring?: number;
      security?: number;
      operations?: number;
    };

    /** Ids of checks that are not run (e.g. ["OPS-3"]). */
    disabledChecks?: string[];

    /** Thresholds of the levels. */
    levels?: {
      /** Limited rollout. */
      L2?: {
        /**
         * Lowest score every dimension must reach (0 to 1).
         * @default 0.5
         */
        minDimensionScore: number;
      };
      /** Production. */
      L3?: {
        /**
         * Lowest score every dimension must reach (0 to 1).
         * @default 0.8
         */
        minDimensionScore: number;
      };
    };

    /** Declarative checks added to the rubric without code. */
    customChecks?: Array<{
      /** Unique id in upper case with a dash, e.g. "ACME-PENTEST". */
      id: string;
      /** The dimension the check counts in. */
      dimension:
        | 'ownership'
        | 'data'
        | 'integration'
        | 'fallback'
        | 'monitoring'
        | 'security'
        | 'operations';
      /** Short title shown on the scorecard. */
      title: string;
      /**
       * Whether the check is a gate (must pass for L3).
       * @default false
       */
      gate?: boolean;
      /** Framework references, e.g. ["MANAGE 4.1"]. */
      frameworks?: string[];
      /** What makes the check pass. */
      rule:
        | {
            /** Passes when the annotation (or label) is set, and matches `pattern` if given. */
            type: 'annotation';
            /** Full annotation name, or a rubric key resolved with the prefix. */
            key: string;
            /** A regular expression the value must match. */
            pattern?: string;
          }
        | {
            /** Passes when the label (or annotation) has one of the values. */
            type: 'label';
            key: string;
            values: string[];
          }
        | {
            /** Passes when metadata.links has an http(s) link of this type. */
            type: 'link';
            linkType: string;
          }
        | {
            /** Passes when spec.owner resolves to an entity of one of these kinds. */
            type: 'owner-kind';
            kinds: string[];
          }
        | {
            /** Passes when dependsOn names a resolving entity of this kind and one of these types. */
            type: 'dependency';
            kind?: string;
            types: string[];
          };
      /** What an owner adds to catalog-info.yaml when the check does not pass. */
      remediation: {
        /** One sentence. */
        text: string;
        /** The YAML to add. */
        yaml: string;
      };
      /** Kinds or spec.types the check applies to; other pilots get not-applicable. */
      appliesTo?: {
        kinds?: string[];
        types?: string[];
      };
    }>;

    /**
     * How often every pilot is re-evaluated (one replica runs each refresh).
     * `frequency` is required when this key is set; `timeout` defaults to 15
     * minutes and `initialDelay` to 15 seconds.
     * @default { frequency: { minutes: 30 }, timeout: { minutes: 15 }, initialDelay: { seconds: 15 } }
     */
    schedule?: {
      /**
       * How often a refresh starts: a duration such as { minutes: 30 }, an
       * ISO 8601 duration string such as "PT30M", or { cron: "0 * * * *" }.
       */
      frequency: { cron: string } | string | HumanDuration;
      /** How long one refresh may run. */
      timeout?: string | HumanDuration;
      /** How long after start-up the first refresh waits. */
      initialDelay?: string | HumanDuration;
    };

    /**
     * How often campaign days are recorded and campaign notifications sent
     * (one replica runs each run; only when campaigns are configured).
     * @default { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { minutes: 1 } }
     */
    campaignSchedule?: {
      /** How often: a duration, an ISO 8601 duration string, or { cron: "..." }. */
      frequency: { cron: string } | string | HumanDuration;
      /** How long one run may take. */
      timeout?: string | HumanDuration;
      /** How long after start-up the first run waits. */
      initialDelay?: string | HumanDuration;
    };

    /**
     * Cadence of the change check: compares the catalog etags of the pilots
     * and of what they read with those of their last evaluation and
     * re-evaluates only the pilots whose inputs changed (and new pilots of the
     * quick scope rules). With nothing recorded yet it runs a full refresh as
     * soon as the catalog holds candidates. Scheduled globally (one replica
     * runs each run).
     * @default { frequency: { minutes: 1 }, timeout: { minutes: 5 }, initialDelay: { seconds: 30 } }
     */
    changeCheckSchedule?: {
      /** How often: a duration, an ISO 8601 duration string, or { cron: "..." }. */
      frequency: { cron: string } | string | HumanDuration;
      /** How long one run may take. */
      timeout?: string | HumanDuration;
      /** How long after start-up the first run waits. */
      initialDelay?: string | HumanDuration;
    };

    /** Retention of the scorecard history (kept forever when not set). */
    history?: {
      /**
       * History rows older than this are deleted: a duration such as
       * { days: 365 } or a string such as "P365D".
       */
      maxAge?: HumanDuration | string;
      /**
       * The same in days.
       * @deprecated Use `maxAge` ({ days: N }); `maxAge` wins when both are set.
       */
      maxAgeDays?: number;
      /** Only this many of the newest history rows are kept per pilot. */
      maxEntriesPerEntity?: number;
    };

    /** Notifications to the owners of a pilot whose level drops. */
    notifications?: {
      /**
       * Whether owners are notified (through the notifications plugin) when a
       * pilot's level drops between two evaluations.
       * @default true
       */
      enabled?: boolean;
    };

    /**
     * The lists and the org page answer with what the caller may read in the
     * catalog; each caller's view of the catalog is reused for this long, so a
     * permission change applies within this time.
     */
    visibilityCache?: {
      /**
       * Lifetime of a caller's view: a duration such as { seconds: 10 } or a
       * string such as "PT10S" ({ seconds: 0 } reads the catalog on every
       * request).
       * @default { seconds: 10 }
       */
      ttl?: HumanDuration | string;
      /**
       * The same in seconds.
       * @deprecated Use `ttl` ({ seconds: N }); `ttl` wins when both are set.
       */
      ttlSeconds?: number;
    };

    /**
     * Evidence: what the portal verifies in the systems a pilot names
     * (shared/evidence.md). Each collector is off unless configured here;
     * with none, every scorecard is exactly what the rubric gives.
     */
    evidence?: {
      /** The links collector: HEAD (or GET) on the http(s) URLs checks read. */
      links?: {
        /**
         * The only hosts the collector contacts, redirects included: an exact
         * host ("wiki.example.com", on the scheme's default port), a
         * wildcard over sub-domains ("*.example.com"), or a host with a port
         * ("127.0.0.1:8080"). URLs on other hosts stay unverified
         * ("host not allowed"). The collector is off while the list is empty.
         */
        allow?: Array<{ host: string }>;
        /**
         * Timeout of one request, for every collector: a duration such as
         * { seconds: 5 } (the default) or a string such as "PT5S".
         */
        timeout?: HumanDuration | string;
        /**
         * Requests at once, per collector.
         * @default 8
         */
        concurrency?: number;
      };
      /** The PagerDuty collector: the service exists and someone is on call. */
      pagerduty?: {
        /**
         * The REST API's base URL.
         * @default "https://api.pagerduty.com"
         */
        baseUrl?: string;
        /**
         * A read-only REST API key, sent only to baseUrl's host.
         * @visibility secret
         */
        token: string;
      };
      /** The Grafana collector: dashboards found by tag or by uid. */
      grafana?: {
        /** Grafana's base URL, e.g. "https://grafana.example.com". */
        baseUrl: string;
        /**
         * A service account token with the Viewer role, sent only to baseUrl's host.
         * @visibility secret
         */
        token: string;
      };
      /**
       * Cadence of the collection task (one replica runs each), by default
       * every 60 minutes, at most 30 minutes a run, the first a minute after
       * start-up.
       */
      schedule?: {
        /** How often: a duration, an ISO 8601 duration string, or { cron: "..." }. */
        frequency: { cron: string } | string | HumanDuration;
        /** How long one collection may run. */
        timeout?: string | HumanDuration;
        /** How long after start-up the first collection waits. */
        initialDelay?: string | HumanDuration;
      };
      /**
       * How often each replica reloads the stored results into what
       * evaluation reads: a duration such as { minutes: 1 } or "PT1M".
       * @default { minutes: 1 }
       */
      reloadInterval?: HumanDuration | string;
      /**
       * A stored result older than this ISO 8601 duration string (one of the
       * duration forms Backstage reads) counts as unverified "stale".
       * @default "P2D"
       */
      maxAge?: string;
      /**
       * From this level up, a gate check passes only when every evidence
       * item on it is verified.
       */
      requireVerified?: 'L2' | 'L3';
    };

    /**
     * Where each pilot must be: the first rule whose `when` holds gives the
     * pilot its target level (shared/targets.md). Absent: lifecycle
     * production → L3, rollout stage production → L3, limited → L2.
     */
    targets?: Array<{
      /** Conditions, all optional, combined with AND; an empty `when` matches every pilot. */
      when?: AiReadinessPilotMatch;
      /** L0, L1, L2 or L3. */
      level: string;
    }>;

    /**
     * Drives to bring a set of pilots to a goal by a deadline. Validated at
     * start-up: unknown check ids, bad dates, a deadline before the start and
     * duplicate ids stop the backend with the path of the key.
     */
    campaigns?: Array<{
      /** Lower-case letters, digits and dashes; unique. */
      id: string;
      title: string;
      description?: string;
      /** Entity ref of who runs the campaign, e.g. group:default/ai-platform. */
      owner: string;
      /** YYYY-MM-DD. */
      start: string;
      /** YYYY-MM-DD, on or after the start. */
      deadline: string;
      /** Which pilots are in it (keys as in targets' `when`); absent: every pilot. */
      scope?: AiReadinessPilotMatch;
      /** A level to reach, or checks that must each pass or be waived. */
      goal: { level: string } | { checks: string[] };
    }>;

    /**
     * Waivers with approval (shared/waivers.md): how each check may be
     * waived, how long a requested waiver may last, and who decides.
     */
    waivers?: {
      policy?: {
        /**
         * `self`: annotation waivers apply (the default); `approval`: only
         * approved requests waive; `none`: nothing waives. SEC-1 is always `none`.
         */
        default?: 'self' | 'approval' | 'none';
        /** Per check id, e.g. `SEC-2: approval`. */
        checks?: { [checkId: string]: 'self' | 'approval' | 'none' };
      };
      /**
       * Longest expiry a request may ask for, in days from its approval, by
       * the pilot's risk tier (`prohibited` counts as `high`).
       */
      maxDays?: {
        /** Default 365. */
        minimal?: number;
        /** Default 180. */
        limited?: number;
        /** Default 90. */
        high?: number;
        /** A pilot without a tier. Default 30. */
        unassessed?: number;
      };
      /** Entity refs (Groups or Users) whose members may decide requests. */
      approvers?: string[];
      /**
       * The approver may be neither the requester nor a member of the
       * pilot's owner Group. Default true.
       */
      independent?: boolean;
    };
  };
}

/** Conditions on a pilot (targets' `when`, campaigns' `scope`). */
interface AiReadinessPilotMatch {
  /** spec.lifecycle values. */
  lifecycle?: string[];
  /** Values of the rollout-stage annotation. */
  rolloutStage?: string[];
  /** Values of the risk-tier annotation. */
  riskTier?: string[];
  /** Any of these tags. */
  tags?: string[];
  /** System refs. */
  system?: string | string[];
  /** Owner refs; a group also matches its sub-groups. */
  owner?: string | string[];
}
