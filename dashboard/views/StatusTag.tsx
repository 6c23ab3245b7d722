// A status as colour plus text: colour alone never carries the meaning.
import type { Status } from '../../shared/model';
import { STATUS_COLORS } from './colors';

export function StatusTag(props: { status: Status }) {
  return (
    <span className="status-tag">
      <span className="swatch" style={{ background: STATUS_COLORS[props.status] }} aria-hidden />
      {props.status}
    </span>
  );
}
