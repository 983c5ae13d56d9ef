// /m/topics/:id — the topic page in the phone layout (trainees of the task force on the move).
import { TopicView } from './TopicPage.tsx';

export default function MobileTopicPage() {
  return <TopicView compact />;
}
