// Monitor's pages (loaded on first visit): the review queue and one cluster.
import type { MonitorProps } from '../monitor_loader';
import { ClusterScreen } from './cluster';
import { QueueScreen } from './queue';
import './monitor.css';

export function Monitor({ user, page, query }: MonitorProps) {
  switch (page.kind) {
    case 'queue':
      return <QueueScreen query={query} />;
    case 'cluster':
      return <ClusterScreen key={page.id} id={page.id} user={user} query={query} />;
    default:
      return null;
  }
}
