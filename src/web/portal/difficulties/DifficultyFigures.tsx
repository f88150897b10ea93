import { count } from '../../format.ts';
import type { PublicFigures } from './types.ts';

/** The year's figures by category and by agency, as two plain tables (they scroll sideways on a narrow phone). */
export function DifficultyFigures({ figures }: { figures: PublicFigures }) {
  const categories = figures.byCategory.filter((c) => c.received > 0);
  return (
    <>
      <h2 className="portal-title">Số liệu năm {figures.year}</h2>
      {categories.length === 0 ? (
        <p className="portal-muted">Chưa có khó khăn, kiến nghị nào trong năm {figures.year}.</p>
      ) : (
        <div className="kn-table-wrap">
          <table className="kn-table" data-testid="figures-by-category">
            <caption className="portal-muted portal-small">Theo lĩnh vực</caption>
            <thead>
              <tr>
                <th scope="col">Lĩnh vực</th>
                <th scope="col">Tiếp nhận</th>
                <th scope="col">Đã trả lời</th>
                <th scope="col">Đã giải quyết</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.category}>
                  <td>{c.label}</td>
                  <td>{count(c.received)}</td>
                  <td>{count(c.answered)}</td>
                  <td>{count(c.resolved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {figures.byAgency.length > 0 ? (
        <div className="kn-table-wrap">
          <table className="kn-table" data-testid="figures-by-agency">
            <caption className="portal-muted portal-small">Theo cơ quan được chuyển kiến nghị</caption>
            <thead>
              <tr>
                <th scope="col">Cơ quan</th>
                <th scope="col">Được chuyển</th>
                <th scope="col">Đã trả lời</th>
                <th scope="col">Đã giải quyết</th>
              </tr>
            </thead>
            <tbody>
              {figures.byAgency.map((a) => (
                <tr key={a.agency}>
                  <td>{a.agency}</td>
                  <td>{count(a.received)}</td>
                  <td>{count(a.answered)}</td>
                  <td>{count(a.resolved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
