#include "PageKindsQuery.h"

#include "Sql.h"
#include "sites/SiteReport.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace geo {

using namespace Qt::StringLiterals;

Result<QHash<QString, PageKinds>> PageKindsQuery::run(QSqlDatabase &db, qint64 auditId)
{
    QSqlQuery &q = Sql::prepared(db, u"SELECT domain, report_json FROM site_reports WHERE audit_id = ?"_s);
    if (Status s = Sql::exec(q, {auditId}); !s)
        return Error{s.error()};
    QHash<QString, PageKinds> out;
    while (q.next()) {
        const SiteReport report
            = SiteReport::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
        if (!report.facts)
            continue;
        PageKinds kinds{{}, report.facts->ogType};
        for (const JsonLdBlock &block : report.facts->jsonLd)
            kinds.schemaTypes += block.types;
        kinds.schemaTypes.removeDuplicates();
        out.insert(q.value(0).toString(), kinds);
    }
    q.finish();
    return out;
}

} // namespace geo
