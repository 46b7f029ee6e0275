#include "SettingsDialog.h"

#include "AppSettings.h"
#include "Appearance.h"
#include "ProblemLabel.h"

#include "run/Proxy.h"
#include "store/AuditStore.h"
#include "store/DatabaseTarget.h"
#include "ui_SettingsDialog.h"

#include <QPushButton>

#include <algorithm>

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
    const AppSettings settings;
    const SiteCacheOptions sites = settings.siteCache();
    m_ui->threads->setValue(settings.analysisThreads());
    m_ui->cacheMiB->setValue(int(sites.cacheBytes / MiB));
    m_ui->ttlHours->setValue(int(sites.ttlMs / HourMs));
    m_ui->failureTtlMinutes->setValue(int(sites.failureTtlMs / MinuteMs));
    m_ui->proxy->setText(settings.proxy());
    m_ui->theme->setCurrentIndex(int(settings.theme()));
    const RunLimits limits = settings.confirmLimits();
    m_ui->confirmAnswers->setValue(int(std::min<qint64>(limits.answers, m_ui->confirmAnswers->maximum())));
    m_ui->confirmCost->setValue(limits.costUsd);
    m_ui->allowPrivateHosts->setChecked(settings.allowPrivateHosts());
    m_ui->database->setText(settings.database().isEmpty() ? AuditStore::defaultPath() : settings.database());
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
    AppSettings settings;
    settings.setAnalysisThreads(m_ui->threads->value());
    SiteCacheOptions sites;
    sites.cacheBytes = m_ui->cacheMiB->value() * MiB;
    sites.ttlMs = m_ui->ttlHours->value() * HourMs;
    sites.failureTtlMs = m_ui->failureTtlMinutes->value() * MinuteMs;
    settings.setSiteCache(sites);
    settings.setProxy(m_ui->proxy->text().trimmed());
    settings.setConfirmLimits({m_ui->confirmAnswers->value(), m_ui->confirmCost->value()});
    settings.setAllowPrivateHosts(m_ui->allowPrivateHosts->isChecked());
    // A new palette reaches every widget in the app: only when the choice changed.
    if (const auto chosen = Appearance::Theme(m_ui->theme->currentIndex()); chosen != settings.theme())
        Appearance::setTheme(chosen);
    const QString db = m_ui->database->text().trimmed();
    settings.setDatabase(db == AuditStore::defaultPath() ? QString() : db);
}

} // namespace geo
