using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Valfard.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IndicatorId",
                table: "OutgoingMail",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Message",
                table: "OutgoingMail",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sender",
                table: "OutgoingMail",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CatalogueChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StandardSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsSample = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LeftOutIndicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StandardSetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonFi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReasonSv = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    MarkedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarkedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeftOutIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LeftOutIndicators_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeftOutIndicators_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LeftOutIndicators_StandardSets_StandardSetId",
                        column: x => x.StandardSetId,
                        principalTable: "StandardSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StandardSetMembers",
                columns: table => new
                {
                    SetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardSetMembers", x => new { x.SetId, x.IndicatorId });
                    table.ForeignKey(
                        name: "FK_StandardSetMembers_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StandardSetMembers_StandardSets_SetId",
                        column: x => x.SetId,
                        principalTable: "StandardSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueChanges_At",
                table: "CatalogueChanges",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LeftOutIndicators_IndicatorId",
                table: "LeftOutIndicators",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_LeftOutIndicators_OrganisationId_StandardSetId_IndicatorId",
                table: "LeftOutIndicators",
                columns: new[] { "OrganisationId", "StandardSetId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LeftOutIndicators_StandardSetId",
                table: "LeftOutIndicators",
                column: "StandardSetId");

            migrationBuilder.CreateIndex(
                name: "IX_StandardSetMembers_IndicatorId",
                table: "StandardSetMembers",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_StandardSets_NameFi",
                table: "StandardSets",
                column: "NameFi",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogueChanges");

            migrationBuilder.DropTable(
                name: "LeftOutIndicators");

            migrationBuilder.DropTable(
                name: "StandardSetMembers");

            migrationBuilder.DropTable(
                name: "StandardSets");

            migrationBuilder.DropColumn(
                name: "IndicatorId",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "Message",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "Sender",
                table: "OutgoingMail");
        }
    }
}
