#include "ApiKeysDialog.h"

#include "engines/KeyStore.h"
#include "ui_ApiKeysDialog.h"

#include <QHeaderView>
#include <QPushButton>
#include <QRegularExpression>

namespace geo {

using namespace Qt::StringLiterals;

ApiKeysDialog::ApiKeysDialog(const QList<EngineSpec> &engines, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ApiKeysDialog>()), m_engines(engines)
{
    m_ui->setupUi(this);
    m_save = m_ui->buttons->addButton(tr("&Save in keychain"), QDialogButtonBox::ActionRole);
    m_delete = m_ui->buttons->addButton(tr("&Delete from keychain"), QDialogButtonBox::DestructiveRole);
    m_ui->keysTable->horizontalHeader()->setStretchLastSection(true);
    m_ui->keysTable->verticalHeader()->hide();
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &ApiKeysDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &ApiKeysDialog::remove);
    connect(m_ui->keysTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (row >= 0)
            m_ui->nameEdit->setText(m_ui->keysTable->item(row, 0)->text());
    });
    const auto validate = [this] {
        static const QRegularExpression name(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
        const bool validName = name.match(m_ui->nameEdit->text()).hasMatch();
        m_save->setEnabled(validName && !m_ui->keyEdit->text().trimmed().isEmpty());
        m_delete->setEnabled(validName);
    };
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, validate);
    connect(m_ui->keyEdit, &QLineEdit::textChanged, this, validate);
    validate();
    refresh();
}

ApiKeysDialog::~ApiKeysDialog() = default;

void ApiKeysDialog::refresh()
{
    QStringList names;
    for (const EngineSpec &e : std::as_const(m_engines))
        if (!e.apiKeyEnv.isEmpty() && !names.contains(e.apiKeyEnv))
            names << e.apiKeyEnv;
    m_ui->keysTable->setRowCount(int(names.size()));
    for (int row = 0; row < names.size(); ++row) {
        QStringList ids;
        for (const EngineSpec &e : std::as_const(m_engines))
            if (e.apiKeyEnv == names[row])
                ids << e.id;
        m_ui->keysTable->setItem(row, 0, new QTableWidgetItem(names[row]));
        m_ui->keysTable->setItem(row, 1, new QTableWidgetItem(ids.join(u", "_s)));
        m_ui->keysTable->setItem(row, 2, new QTableWidgetItem(tr("looking…")));
        KeyStore::locate(names[row], this, [this, row](KeyStore::Source source) {
            if (QTableWidgetItem *item = m_ui->keysTable->item(row, 2))
                item->setText(source == KeyStore::Source::Environment    ? tr("from the environment")
                                  : source == KeyStore::Source::Keychain ? tr("in the keychain")
                                                                         : tr("missing"));
        });
    }
    m_ui->keysTable->resizeColumnsToContents();
    m_ui->keysTable->horizontalHeader()->setStretchLastSection(true);
    if (names.isEmpty())
        m_ui->statusLabel->setText(
            tr("The open spec's engines need no key. Type a variable name to save a key anyway."));
}

void ApiKeysDialog::save()
{
    const QString name = m_ui->nameEdit->text();
    const QByteArray key = m_ui->keyEdit->text().trimmed().toUtf8();
    m_ui->keyEdit->clear();
    m_ui->statusLabel->setText(tr("Saving…"));
    KeyStore::save(name, key, this, [this, name](const Status &s) {
        m_ui->statusLabel->setText(s ? tr("Saved the key for %1 in the keychain.").arg(name) : s.error());
        refresh();
        emit keysChanged();
    });
}

void ApiKeysDialog::remove()
{
    const QString name = m_ui->nameEdit->text();
    KeyStore::remove(name, this, [this, name](const Status &s) {
        m_ui->statusLabel->setText(s ? tr("Deleted the key for %1 from the keychain.").arg(name) : s.error());
        refresh();
        emit keysChanged();
    });
}

} // namespace geo
