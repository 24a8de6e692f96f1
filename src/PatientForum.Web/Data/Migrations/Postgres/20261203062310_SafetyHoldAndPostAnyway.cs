using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SafetyHoldAndPostAnyway : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PostedAnywayKinds",
                table: "Posts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PostedAnywayKinds",
                table: "Posts");
        }
    }
}
