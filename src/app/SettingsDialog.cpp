#include "SettingsDialog.h"

#include "Appearance.h"
#include "ProblemLabel.h"

#include "run/Proxy.h"
#include "store/AuditStore.h"
#include "store/DatabaseTarget.h"
#include "ui_SettingsDialog.h"

#include <QPushButton>
#include <QSettings>

namespace geo {

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 HourMs = 3600 * 1000;
constexpr qint64 MinuteMs = 60 * 1000;
} // namespace

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent), m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);
    QSettings settings;
    const SiteCacheOptions sites = siteOptions();
    m_ui->threads->setValue(settings.value(u"analysis/threads"_s, 0).toInt());
    m_ui->cacheMiB->setValue(int(sites.cacheBytes / MiB));
    m_ui->ttlHours->setValue(int(sites.ttlMs / HourMs));
    m_ui->failureTtlMinutes->setValue(int(sites.failureTtlMs / MinuteMs));
    m_ui->proxy->setText(settings.value(u"network/proxy"_s).toString());
    m_ui->theme->setCurrentIndex(int(Appearance::theme()));
    m_ui->allowPrivateHosts->setChecked(settings.value(u"sites/allowPrivateHosts"_s, false).toBool());
    m_ui->database->setText(database().isEmpty() ? AuditStore::defaultPath() : database());
    connect(m_ui->proxy, &QLineEdit::textChanged, this, &SettingsDialog::check);
    connect(m_ui->database, &QLineEdit::textChanged, this, &SettingsDialog::check);
    connect(m_ui->apiKeysButton, &QPushButton::clicked, this, &SettingsDialog::apiKeysRequested);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

SettingsDialog::~SettingsDialog() = default;

SiteCacheOptions SettingsDialog::siteOptions()
{
    QSettings settings;
    SiteCacheOptions o;
    o.cacheBytes = settings.value(u"sites/cacheMiB"_s, o.cacheBytes / MiB).toLongLong() * MiB;
    o.ttlMs = settings.value(u"sites/ttlHours"_s, o.ttlMs / HourMs).toLongLong() * HourMs;
    o.failureTtlMs = settings.value(u"sites/failureTtlMinutes"_s, o.failureTtlMs / MinuteMs).toLongLong() * MinuteMs;
    return o;
}

QString SettingsDialog::database()
{
    return QSettings().value(u"storage/database"_s).toString();
}

void SettingsDialog::check()
{
    const Result<QNetworkProxy> proxy = parseProxy(m_ui->proxy->text().trimmed());
    m_ui->proxyProblem->setProblem(proxy ? QString() : proxy.error());
    // Only the form is checked here; whether the server answers shows at the next start.
    const Result<DatabaseTarget> database = DatabaseTarget::parse(m_ui->database->text());
    m_ui->databaseProblem->setProblem(database ? QString() : database.error());
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(proxy && database);
}

void SettingsDialog::save()
{
    QSettings settings;
    settings.setValue(u"analysis/threads"_s, m_ui->threads->value());
    settings.setValue(u"sites/cacheMiB"_s, m_ui->cacheMiB->value());
    settings.setValue(u"sites/ttlHours"_s, m_ui->ttlHours->value());
    settings.setValue(u"sites/failureTtlMinutes"_s, m_ui->failureTtlMinutes->value());
    settings.setValue(u"network/proxy"_s, m_ui->proxy->text().trimmed());
    settings.setValue(u"sites/allowPrivateHosts"_s, m_ui->allowPrivateHosts->isChecked());
    // A new palette reaches every widget in the app: only when the choice changed.
    if (const auto chosen = Appearance::Theme(m_ui->theme->currentIndex()); chosen != Appearance::theme())
        Appearance::setTheme(chosen);
    const QString db = m_ui->database->text().trimmed();
    settings.setValue(u"storage/database"_s, db == AuditStore::defaultPath() ? QString() : db);
}

} // namespace geo
