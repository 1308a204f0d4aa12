import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../shared/ErrorState';
import { ArticlePage } from './ArticlePage';
import { ArticlesPage } from './ArticlesPage';
import { GovernmentPage } from './GovernmentPage';
import { ComplaintsPage } from './ComplaintsPage';
import { HomePage } from './HomePage';
import { ListsPage } from './ListsPage';
import { LoginPage } from './LoginPage';
import { MyPage } from './MyPage';
import { PortalLayout } from './PortalLayout';
import { PublicityPage } from './PublicityPage';
import { SearchPage } from './SearchPage';
import { SubjectPage } from './SubjectPage';
import { VerifyPage } from './VerifyPage';

/** The public website (/). */
export function PortalRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="subjects/:id" element={<SubjectPage />} />
        <Route path="publicity" element={<PublicityPage />} />
        <Route path="lists" element={<ListsPage />} />
        <Route path="government" element={<GovernmentPage />} />
        <Route path="articles" element={<ArticlesPage />} />
        <Route path="articles/:id" element={<ArticlePage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="complaints" element={<ComplaintsPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="my" element={<MyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
