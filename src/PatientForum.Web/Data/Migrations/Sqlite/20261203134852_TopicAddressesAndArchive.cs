using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TopicAddressesAndArchive : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Topics",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TopicSlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopicSlugRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TopicSlugRedirects_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TopicSlugRedirects_Slug",
                table: "TopicSlugRedirects",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TopicSlugRedirects_TopicId",
                table: "TopicSlugRedirects",
                column: "TopicId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TopicSlugRedirects");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Topics");
        }
    }
}
