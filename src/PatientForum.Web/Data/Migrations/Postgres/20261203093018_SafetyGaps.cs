using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SafetyGaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModeratorContentWarnings",
                table: "Posts",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeverPublished",
                table: "Posts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Until now only posting held posts (state 5, Held), so every post held today has never been published.
            migrationBuilder.Sql("UPDATE \"Posts\" SET \"NeverPublished\" = TRUE WHERE \"State\" = 5;");

            migrationBuilder.AddColumn<string>(
                name: "ContentWarnings",
                table: "Drafts",
                type: "character varying(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ModeratorContentWarnings",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "NeverPublished",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "ContentWarnings",
                table: "Drafts");
        }
    }
}
