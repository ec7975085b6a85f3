export {
  EntityTeamReadinessCard,
  summarizeTeam,
} from './EntityTeamReadinessCard';
