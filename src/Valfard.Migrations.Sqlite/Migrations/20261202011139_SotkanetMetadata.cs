using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SotkanetMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "PrimaryValueType",
                table: "Indicators",
                newName: "UnitFi");

            migrationBuilder.RenameColumn(
                name: "Organization",
                table: "Indicators",
                newName: "SourceOrganisationFi");

            // Whether values are by sex is now read from the values themselves; the full metadata is read anew.
            migrationBuilder.DropColumn(
                name: "HasGenders",
                table: "Indicators");

            migrationBuilder.AddColumn<bool>(
                name: "HasFullMetadata",
                table: "Indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<int>(
                name: "Decimals",
                table: "Indicators",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "AgeClassification",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "{\"title\":{\"fi\":\"\",\"sv\":\"\",\"en\":\"\"},\"values\":[]}");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DataUpdated",
                table: "Indicators",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionEn",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Groups",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "InterpretationEn",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LegislationEn",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LegislationFi",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LegislationSv",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LimitsEn",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LimitsFi",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LimitsSv",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NoticesEn",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NoticesFi",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NoticesSv",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SexClassification",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "{\"title\":{\"fi\":\"\",\"sv\":\"\",\"en\":\"\"},\"values\":[]}");

            migrationBuilder.AddColumn<string>(
                name: "SourceOrganisationEn",
                table: "Indicators",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UnitSv",
                table: "Indicators",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SourceOrganisationId",
                table: "Indicators",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceOrganisationSv",
                table: "Indicators",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Sources",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Subjects",
                table: "Indicators",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "UnitCode",
                table: "Indicators",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UnitEn",
                table: "Indicators",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgeClassification",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DataUpdated",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DescriptionEn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Groups",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "InterpretationEn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "LegislationEn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "LegislationFi",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "LegislationSv",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "LimitsEn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "LimitsFi",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "LimitsSv",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "NoticesEn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "NoticesFi",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "NoticesSv",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "SexClassification",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "SourceOrganisationEn",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "UnitSv",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "SourceOrganisationId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "SourceOrganisationSv",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Sources",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Subjects",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "UnitCode",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "UnitEn",
                table: "Indicators");

            migrationBuilder.RenameColumn(
                name: "UnitFi",
                table: "Indicators",
                newName: "PrimaryValueType");

            migrationBuilder.RenameColumn(
                name: "SourceOrganisationFi",
                table: "Indicators",
                newName: "Organization");

            migrationBuilder.DropColumn(
                name: "HasFullMetadata",
                table: "Indicators");

            migrationBuilder.AddColumn<bool>(
                name: "HasGenders",
                table: "Indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<int>(
                name: "Decimals",
                table: "Indicators",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
